import { tf } from './tf.ts';

/**
 * Silences tfjs's own console output (the "Hi, looks like you are running TensorFlow.js in Node.js" banner and its
 * other warnings) for a command-line process, whose stdout is JSON and whose stderr carries only our one-line errors.
 * tfjs routes all of it through `warn`/`log`, which stay quiet under the PROD flag; PROD changes no computation.
 */
export function quietTfjs(): void {
  tf.env().set('PROD', true);
}
