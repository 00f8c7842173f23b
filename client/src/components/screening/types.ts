// The screening API's shapes as the client reads them: types from the shared schemas, plus the client's own names.
import type { z } from 'zod';
import type {
  AgreementReport, Decision, Final, PrismaFlowOut, Progress, Queue, ScreeningStage, StageKind, conflictSchema,
} from '../../../../shared/screening/schemas.ts';
import type { QUEUE_FILTERS, STAGE_SOURCES } from '../../../../shared/screening/schemas.ts';

export type { Decision, ScreeningStage, StageKind };
export type FinalDecision = Final;
export type StageSource = (typeof STAGE_SOURCES)[number];
export type QueueFilter = (typeof QUEUE_FILTERS)[number];
export type QueueOrder = 'random' | 'relevance';
export type QueuePage = Queue;
export type QueueEntry = Queue['items'][number];
export type MyDecision = NonNullable<QueueEntry['mine']>;
export type ScreeningProgress = Progress;
export type ConflictEntry = z.infer<typeof conflictSchema>;
export type Agreement = AgreementReport;
export type Prisma = PrismaFlowOut;

export const STAGE_KINDS: { kind: StageKind; label: string }[] = [
  { kind: 'title', label: 'Title' },
  { kind: 'title-abstract', label: 'Title and abstract' },
  { kind: 'abstract', label: 'Abstract' },
  { kind: 'full-text', label: 'Full text' },
];
