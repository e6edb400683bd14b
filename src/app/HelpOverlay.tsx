/** The `?` overlay: every keyboard shortcut, from the same table the handler uses. */
import { SHORTCUTS } from './shortcuts';

export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="overlay" onClick={onClose}>
      <div className="dialog help" role="dialog" aria-label="Keyboard shortcuts" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([k, what]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Drag blocks from the palette into the Generator or Discriminator region. Drag from a block's right handle to
          another block's input to wire them; ports that would refuse the wire turn red and say why.
        </p>
        <button type="button" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </div>
  );
}
