import { z } from '@/lib/schema';

/**
 * Extension pages and workers run under Manifest V3's content security policy, which forbids eval.
 * Zod would otherwise probe for it with `new Function` (a CSP violation in the console) before
 * falling back to the same interpreted parsing that jitless selects. Imported first by every
 * entrypoint that validates data.
 */
z.config({ jitless: true });
