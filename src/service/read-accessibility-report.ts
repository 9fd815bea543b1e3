import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { packageRoot } from '../package-root.js';

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

const REPORT = path.join(packageRoot, 'docs', 'accessibility-report.json');

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
