import type { LinkedEditorProps } from '../records/useDraftForm';
import { DetentionEditor } from './DetentionEditor';
import type { LinkedType } from './PersonRecords';
import { ProceedingEditor } from './ProceedingEditor';
import { TestimonyEditor } from './TestimonyEditor';

/** The editor of a detention, trial or testimony opened from a person's page. */
export function LinkedEditor({ type, ...props }: LinkedEditorProps & { type: LinkedType }) {
  switch (type) {
    case 'detention':
      return <DetentionEditor {...props} />;
    case 'proceeding':
      return <ProceedingEditor {...props} />;
    case 'testimony':
      return <TestimonyEditor {...props} />;
  }
}
