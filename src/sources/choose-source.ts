import { SourceError } from '../errors.ts';
import { runAutoSteps } from './auto-steps.ts';
import type { SourceContext } from './source.ts';
import type { ChoiceSettings, SourceChoice } from './source-choice.ts';

/** Picks the source for `auto` in the documented order, saying why; an explicit source is taken as given. */
export async function chooseSource(settings: ChoiceSettings, context: SourceContext): Promise<SourceChoice> {
  if (settings.source !== 'auto') return { name: settings.source, reason: 'chosen by the source input' };
  if (settings.keys) return { name: 'keys', reason: 'aws-access-key-id and aws-secret-access-key are given' };
  const tried = ['keys: aws-access-key-id and aws-secret-access-key are not given'];
  const order = ['oidc', 'web-identity', 'container', 'env', 'imds'] as const;
  const chosen = await runAutoSteps(order, settings, context, 'action', tried);
  if (chosen) return chosen;
  throw new SourceError(
    'auto',
    `no source of credentials was found. Tried:\n  - ${tried.join('\n  - ')}`,
    'Apply the fix for the source you mean to use, or set source explicitly',
  );
}
