import type { Kernel } from '../../kernel/kernel.ts';

/**
 * The kernel services the quote use cases need besides their TenantContext: the file storage
 * (the company logo on the PDF), the job runner (e-mails leave after the commit) and the app's
 * public base URL (the customer's link).
 */
export interface QuoteServices {
  storage: Kernel['storage'];
  jobs: Pick<Kernel['jobs'], 'enqueue'>;
  publicBaseUrl: string;
}

export function quoteServicesOf(kernel: Pick<Kernel, 'storage' | 'jobs' | 'config'>): QuoteServices {
  return { storage: kernel.storage, jobs: kernel.jobs, publicBaseUrl: kernel.config.publicBaseUrl };
}
