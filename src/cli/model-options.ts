import { readFileSync } from 'node:fs';
import type { ClassWeight, ModelKind, RunOptions, Task } from '../core/index.ts';
import { CliError } from './cli-error.ts';
import { errorText } from '../core/error-text.ts';

const MODELS: readonly ModelKind[] = ['prior', 'logistic', 'mlp'];

/**
 * Model choice for `train`: `--model`, an optional `--config` JSON file (`{"hyperparameters": {...}, "classWeight":
 * "balanced", "task": "multiclass"}`; a flat object of hyperparameters works too), and `--class-weight` and `--task`,
 * which win over the file. `auto` (the default) trains softmax multiclass when the label has more than two classes.
 */
export function modelOptions(
  model: string | undefined, configPath: string | undefined, classWeight: string | undefined, task: string | undefined, labelClassCount: number,
): Pick<RunOptions, 'model' | 'hyperparameters' | 'classWeight' | 'task'> {
  const kind = (model ?? 'logistic') as ModelKind;
  if (!MODELS.includes(kind)) throw new CliError(`--model must be one of ${MODELS.join(', ')}, got "${model}"`, 2);
  let file: { hyperparameters?: Record<string, unknown>; classWeight?: string; task?: string } & Record<string, unknown> = {};
  if (configPath) {
    try {
      file = JSON.parse(readFileSync(configPath, 'utf8')) as typeof file;
    } catch (e) {
      throw new CliError(`cannot read --config ${configPath}: ${errorText(e)}`, 2);
    }
  }
  const { hyperparameters, classWeight: fileWeight, task: fileTask, ...flat } = file;
  const weight = (classWeight ?? fileWeight ?? 'none') as ClassWeight;
  if (weight !== 'none' && weight !== 'balanced') throw new CliError(`class weight must be none or balanced, got "${weight}"`, 2);
  const wanted = task ?? fileTask ?? 'auto';
  if (wanted !== 'auto' && wanted !== 'binary' && wanted !== 'multiclass') throw new CliError(`--task must be auto, binary or multiclass, got "${wanted}"`, 2);
  const resolved: Task = wanted === 'auto' ? (labelClassCount > 2 ? 'multiclass' : 'binary') : wanted;
  return { model: kind, hyperparameters: { ...flat, ...(hyperparameters ?? {}) }, classWeight: weight, task: resolved };
}
