/** The doctor's marker on a canvas node: its worst finding's severity; hover for the findings' titles. */
import { memo } from 'react';
import { useGanvas } from '../state/store';
import { SEVERITY_ICON } from './DoctorList';

function DoctorBadgeView({ nodeId }: { nodeId: string }) {
  const mark = useGanvas((s) => s.doctor.byNode[nodeId]);
  if (!mark) return null;
  return (
    <div
      className={`doctor-badge doctor-${mark.severity}`}
      data-testid={`doctor-badge-${nodeId}`}
      data-severity={mark.severity}
      title={`GAN doctor:\n${mark.titles.join('\n')}`}
    >
      {SEVERITY_ICON[mark.severity]} {mark.titles.length > 1 ? mark.titles.length : 'doctor'}
    </div>
  );
}

export const DoctorBadge = memo(DoctorBadgeView);
