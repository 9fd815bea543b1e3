import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const ReportSchema = z.object({
  testedAt: z.string(),
  standard: z.string(),
  tools: z.string(),
  checks: z.array(
    z.object({
      pageType: z.string(),
      url: z.string(),
      axeViolations: z.number().int(),
      axePasses: z.number().int(),
      keyboard: z.string(),
      zoom200: z.string(),
      width360: z.string(),
    }),
  ),
});

export type AccessibilityReportData = z.infer<typeof ReportSchema>;

const REPORT = fileURLToPath(new URL('../../docs/accessibility-report.json', import.meta.url));

/** The published results of the browser accessibility tests, or null when none were published. */
export async function readAccessibilityReport(path = REPORT): Promise<AccessibilityReportData | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  return ReportSchema.parse(JSON.parse(text));
}
