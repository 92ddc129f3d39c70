// Finds the steps that use this action in a parsed workflow or snippet, and checks them against action.yml.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ActionReference, readActionReference } from '../../../scripts/reference-tables.ts';
import { parseActionSettings } from '../../../src/action/action-settings.ts';
import { ROOT } from './lint-workflows.ts';

export const ACTION_REFERENCE: ActionReference = readActionReference(
  readFileSync(join(ROOT, 'action.yml'), 'utf8'),
);
export const INPUT_NAMES = new Set(ACTION_REFERENCE.inputs.map((input) => input.name));
export const OUTPUT_NAMES = new Set(ACTION_REFERENCE.outputs.map((output) => output.name));
const DEFAULTS = new Map(ACTION_REFERENCE.inputs.map((input) => [input.name, input.default ?? '']));

/** `uses:` values that mean this action: the published name, or the repository itself. */
export function usesThisAction(uses: unknown): boolean {
  return typeof uses === 'string' && (uses === './' || /(^|\/)assume-aws-role@/.test(uses));
}

/** Why a `uses:` of this action names no version a user can rely on (a branch, a short SHA), if it does not. */
export function refProblem(uses: string): string | undefined {
  if (uses === './') return undefined;
  const ref = uses.slice(uses.lastIndexOf('@') + 1);
  if (/^v\d+(\.\d+\.\d+)?$/.test(ref) || /^[0-9a-f]{40}$/.test(ref)) return undefined;
  return `${uses}: name a major tag (v1), a release tag (v1.2.3) or a full 40-character commit SHA`;
}

export interface ActionStep {
  readonly id?: string;
  readonly uses: string;
  readonly with: Readonly<Record<string, unknown>>;
}

/** Every mapping with a `uses:` of this action, anywhere in a parsed YAML document. */
export function actionSteps(document: unknown): ActionStep[] {
  const found: ActionStep[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const step = node as Record<string, unknown>;
    if (usesThisAction(step.uses)) {
      const given = step.with ?? {};
      if (typeof given !== 'object' || given === null || Array.isArray(given))
        throw new Error(`the 'with' of a step using ${String(step.uses)} is not a mapping`);
      found.push({
        ...(typeof step.id === 'string' ? { id: step.id } : {}),
        uses: String(step.uses),
        with: given as Record<string, unknown>,
      });
    }
    for (const value of Object.values(step)) visit(value);
  };
  visit(document);
  return found;
}

export interface OutputReference {
  readonly step: string;
  readonly output: string;
}

/** Every `steps.ID.outputs.NAME` in a text (expressions and prose alike). */
export function outputReferences(text: string): OutputReference[] {
  return Array.from(text.matchAll(/\bsteps\.([A-Za-z_][\w-]*)\.outputs\.([A-Za-z_][\w-]*)/g), (match) => ({
    step: match[1] ?? '',
    output: match[2] ?? '',
  }));
}

/** What is wrong with the output references of a text, given the ids of this action's steps in it. */
export function outputReferenceProblems(
  text: string,
  actionStepIds: ReadonlySet<string>,
  otherStepsAllowed: boolean,
): string[] {
  return outputReferences(text).flatMap(({ step, output }) => {
    if (!actionStepIds.has(step))
      return otherStepsAllowed
        ? []
        : [`steps.${step}.outputs.${output}: no step with id '${step}' uses the action`];
    return OUTPUT_NAMES.has(output)
      ? []
      : [`steps.${step}.outputs.${output}: '${output}' is not an output in action.yml`];
  });
}

/** Stand-ins for expressions, by input, so that an example can go through the real settings parser. */
const EXPRESSION_STAND_INS: Readonly<Record<string, string>> = {
  'aws-access-key-id': 'AKIAEXAMPLE234567ABC',
  'aws-secret-access-key': 'example/secret/access/key/0123456789abcdef',
  'aws-session-token': 'example-session-token',
  'sts-endpoint': 'http://127.0.0.1:4566',
};
/** Anywhere else an expression stands for an account id (in an ARN or in allowed-account-ids). */
const DEFAULT_STAND_IN = '123456789012';

/** The step's `with:` as the runner hands it to the action: strings, expressions replaced by stand-ins. */
export function inputsOf(step: ActionStep): Map<string, string> {
  return new Map(
    Object.entries(step.with).map(([name, value]) => {
      const text = value === null || value === undefined ? '' : String(value);
      const standIn = EXPRESSION_STAND_INS[name] ?? DEFAULT_STAND_IN;
      return [name, text.replace(/\$\{\{[^}]*\}\}/g, standIn).trim()];
    }),
  );
}

/** Problems with a step's inputs: undeclared names, or values the action's own parser refuses. */
export function stepProblems(step: ActionStep): string[] {
  const undeclared = Object.keys(step.with).filter((name) => !INPUT_NAMES.has(name));
  if (undeclared.length > 0) return undeclared.map((name) => `input '${name}' is not declared in action.yml`);
  const inputs = inputsOf(step);
  // What an EKS IRSA pod has, for the Kubernetes example that relies on it.
  const env = {
    AWS_WEB_IDENTITY_TOKEN_FILE: '/var/run/secrets/eks.amazonaws.com/serviceaccount/token',
    AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/ci-runner',
  };
  try {
    // As the runner does: an input the step leaves out gets action.yml's default.
    const read = (name: string) => inputs.get(name) ?? DEFAULTS.get(name) ?? '';
    parseActionSettings(read, env, { defaultSessionName: 'docs-example' });
    return [];
  } catch (error) {
    return [
      `the action would refuse these inputs: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
}
