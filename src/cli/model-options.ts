import { readFileSync } from 'node:fs';
import type { ClassWeight, ModelKind, RunOptions } from '../core/index.ts';
import { CliError } from './cli-error.ts';

const MODELS: readonly ModelKind[] = ['prior', 'logistic', 'mlp'];

/**
 * Model choice for `train`: `--model`, an optional `--config` JSON file (`{"hyperparameters": {...}, "classWeight":
 * "balanced"}`; a flat object of hyperparameters works too) and `--class-weight`, which wins over the file.
 */
export function modelOptions(model: string | undefined, configPath: string | undefined, classWeight: string | undefined): Pick<RunOptions, 'model' | 'hyperparameters' | 'classWeight'> {
  const kind = (model ?? 'logistic') as ModelKind;
  if (!MODELS.includes(kind)) throw new CliError(`--model must be one of ${MODELS.join(', ')}, got "${model}"`, 2);
  let file: { hyperparameters?: Record<string, unknown>; classWeight?: string } & Record<string, unknown> = {};
  if (configPath) {
    try {
      file = JSON.parse(readFileSync(configPath, 'utf8')) as typeof file;
    } catch (e) {
      throw new CliError(`cannot read --config ${configPath}: ${e instanceof Error ? e.message : String(e)}`, 2);
    }
  }
  const { hyperparameters, classWeight: fileWeight, ...flat } = file;
  const weight = (classWeight ?? fileWeight ?? 'none') as ClassWeight;
  if (weight !== 'none' && weight !== 'balanced') throw new CliError(`class weight must be none or balanced, got "${weight}"`, 2);
  return { model: kind, hyperparameters: { ...flat, ...(hyperparameters ?? {}) }, classWeight: weight };
}
