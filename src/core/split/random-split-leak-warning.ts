/** The sentence shown when a random split is chosen although `eventTimeColumn` holds each row's event time. */
export function randomSplitLeakWarning(eventTimeColumn: string): string {
  return (
    `This data has an event time ("${eventTimeColumn}"), but a random split mixes all times together, so training ` +
    `sees rows from the future of the validation and test rows and learns from information the model will not ` +
    `have at prediction time; a time split on "${eventTimeColumn}" gives an honest estimate.`
  );
}
