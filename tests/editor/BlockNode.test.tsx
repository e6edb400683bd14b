// @vitest-environment jsdom
import { afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { BlockNode } from '../../src/editor/canvas/BlockNode';
import { RegionNode } from '../../src/editor/canvas/RegionNode';
import { toFlowEdges, toFlowNodes, FAKE_EDGE_ID } from '../../src/editor/canvas/flowModel';
import { validationOf } from '../../src/state/validation';
import { useEditor } from '../../src/state/store';
import { mockReactFlow } from './mockReactFlow';
import { resetEditor } from '../state/resetEditor';
import { applyEvent, initialTraining, useTraining } from '../../src/trainer/store';
import { NodeDecorationsContext, type NodeDecorations } from '../../src/editor/canvas/decorations';
import { NODE_DECORATIONS } from '../../src/app/features';

beforeAll(mockReactFlow);
beforeEach(resetEditor);
afterEach(() => {
  cleanup();
  useTraining.setState(initialTraining());
});

/** The canvas's nodes, with what the app shell hands the canvas to draw on them (none: the bare editor). */
function renderDoc(decorations: NodeDecorations = {}) {
  const { doc } = useEditor.getState();
  const input = {
    graph: doc.graph,
    validation: validationOf(doc),
    selection: [],
    edgeSelection: [],
    dragging: null,
    sizes: {},
  };
  return render(
    <ReactFlowProvider>
      <NodeDecorationsContext.Provider value={decorations}>
        <div style={{ width: 1000, height: 800 }}>
          <ReactFlow
            nodes={toFlowNodes(input)}
            edges={toFlowEdges(input)}
            nodeTypes={{ block: BlockNode, region: RegionNode }}
          />
        </div>
      </NodeDecorationsContext.Provider>
    </ReactFlowProvider>,
  );
}

test('a node shows its label, name, key params and output shape; its counts and input shapes are in its details card', () => {
  renderDoc();
  const n = screen.getByTestId('node-g_deconv1');
  expect(n.querySelector('.block-label')!.textContent).toBe('Conv2D Transpose');
  expect(n.querySelector('.block-id')!.textContent).toBe('g_deconv1');
  expect(n.querySelector('.block-summary')!.textContent).toContain('128 × 5×5');
  expect(screen.getByTestId('shape-g_deconv1').textContent).toBe('7×7×128');
  const details = n.querySelector('.block-details')!;
  expect(details.textContent).toContain('819k params');
  expect(details.textContent).toContain('40.1M MACs');
  expect(details.textContent).toContain('in x7×7×256');
});

test('a node has one input handle per port (its shapes on hover), an output handle and an empty activation slot', () => {
  renderDoc();
  const n = screen.getByTestId('node-g_deconv1');
  expect(n.querySelectorAll('.port-in .react-flow__handle')).toHaveLength(1);
  const port = n.querySelector('.port-in[data-port="x"]')!;
  expect(port.getAttribute('title')).toBe('x: 7×7×256');
  expect(port.querySelector('.port-label')!.textContent).toBe('x 7×7×256');
  expect(n.querySelectorAll('.react-flow__handle.source:not(.fake-handle)')).toHaveLength(1);
  const slot = n.querySelector('.activation-slot')!;
  expect(slot.getAttribute('data-node-id')).toBe('g_deconv1');
  expect(slot.childElementCount).toBe(0);
});

test('the Q head shows both of its ports', () => {
  useEditor.getState().addBlock('qCodesHead', 'discriminator', { x: 0, y: 0 });
  renderDoc();
  const q = screen.getByTestId('node-d_qcodeshead1');
  expect([...q.querySelectorAll('.port-in')].map((p) => p.getAttribute('data-port'))).toEqual([
    'categorical',
    'continuous',
  ]);
});

test('a node with a validation error is red and explains itself on hover', () => {
  useEditor.getState().disconnect(['g_reshape->g_deconv1:x']);
  renderDoc();
  const n = screen.getByTestId('node-g_deconv1');
  expect(n.className).toContain('has-error');
  expect(n.getAttribute('title')).toMatch(/nothing connected to its input 'x'/);
});

test('the canvas has the two labelled regions and the fixed fake-samples edge', () => {
  renderDoc();
  expect(screen.getByTestId('region-generator').textContent).toBe('Generator 2.33M params · 51.8M MACs');
  expect(screen.getByTestId('region-discriminator').textContent).toMatch(/^Discriminator 213k params/);
  const { doc } = useEditor.getState();
  const edges = toFlowEdges({
    graph: doc.graph,
    validation: validationOf(doc),
    selection: [],
    edgeSelection: [],
    dragging: null,
    sizes: {},
  });
  const fake = edges.find((e) => e.id === FAKE_EDGE_ID)!;
  expect([fake.source, fake.target, fake.deletable]).toEqual(['g_out', 'd_input', false]);
  expect(edges.find((e) => e.id === 'g_reshape->g_deconv1:x')!.label).toBe('7×7×256');
});

test('while training, a node with weights shows its latest gradient norm, explained on hover; a node without weights shows none', () => {
  applyEvent({
    type: 'metrics',
    metrics: [],
    step: 11,
    stepsPerSec: 0,
    stepMs: 0,
    elapsedMs: 0,
    probeOverhead: 0,
    probeEvery: 0,
    numTensors: 0,
    layerGradNorms: [
      { step: 1, norms: { g_deconv1: 0.5, d_conv1: 2 } },
      { step: 11, norms: { g_deconv1: 0.0031, d_conv1: 1.25 } },
    ],
  });
  expect(useTraining.getState().gradNormHistory.map((p) => p.step)).toEqual([1, 11]);
  renderDoc(NODE_DECORATIONS);
  const norm = screen.getByTestId('grad-norm-g_deconv1');
  expect(norm.textContent).toBe('‖∇‖ 3.1e-3');
  expect(norm.getAttribute('title')).toMatch(/^Gradient norm of this layer's weights, measured every 10 steps/);
  expect(screen.getByTestId('grad-norm-d_conv1').textContent).toBe('‖∇‖ 1.25');
  expect(screen.getByTestId('node-g_reshape').querySelector('.node-grad-norm')).toBeNull();
});

test('a node draws what the shell hands the canvas: a corner tile, badges over its edge, lines in its card', () => {
  const deco: NodeDecorations = {
    corner: ({ nodeId }) => <span data-testid={`corner-${nodeId}`}>tile</span>,
    badges: [({ nodeId }) => (nodeId === 'd_conv1' ? <span data-testid="badge">!</span> : null)],
    details: [({ nodeId }) => <div data-testid={`line-${nodeId}`}>extra</div>],
  };
  renderDoc(deco);
  const n = screen.getByTestId('node-d_conv1');
  expect(n.querySelector('.activation-slot [data-testid="corner-d_conv1"]')).not.toBeNull();
  expect(screen.getAllByTestId('badge')).toHaveLength(1);
  expect(n.querySelector('.block-details [data-testid="line-d_conv1"]')).not.toBeNull();
});

test('without decorations (the bare editor) the gradient norm and the tile are not drawn, and nothing fails', () => {
  applyEvent({
    type: 'metrics',
    metrics: [],
    step: 11,
    stepsPerSec: 0,
    stepMs: 0,
    elapsedMs: 0,
    probeOverhead: 0,
    probeEvery: 0,
    numTensors: 0,
    layerGradNorms: [{ step: 11, norms: { g_deconv1: 0.0031 } }],
  });
  renderDoc();
  expect(screen.queryByTestId('grad-norm-g_deconv1')).toBeNull();
  expect(screen.getByTestId('node-g_deconv1').querySelector('.activation-slot')!.childElementCount).toBe(0);
});
