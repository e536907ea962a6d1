import type { JobRunner } from '../../../kernel/jobs/job-runner.ts';
import type { FileStorage } from '../../../kernel/storage/index.ts';

/** What issuing and sending an invoice needs of the kernel. */
export interface BillingDeps {
  storage: FileStorage;
  jobs: Pick<JobRunner, 'enqueue'>;
}
