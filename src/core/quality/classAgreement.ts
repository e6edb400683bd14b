/**
 * Conditional GANs (CGAN, AC-GAN): does G draw the class it is asked for? The share of samples whose
 * reference-classifier label equals the label G was given. 10% is chance on 10 balanced classes; a G
 * that ignores its label scores about its largest class share. Pure: plain arrays.
 */
export function classAgreement(asked: ArrayLike<number>, predicted: ArrayLike<number>): number {
  if (asked.length !== predicted.length)
    throw new Error(`${asked.length} asked-for labels but ${predicted.length} predictions`);
  if (asked.length === 0) return 0;
  let hits = 0;
  for (let i = 0; i < asked.length; i++) if (asked[i] === predicted[i]) hits++;
  return hits / asked.length;
}
