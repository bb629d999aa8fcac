/** "45 seconds", "1 minute", "14 minutes": how long someone has to wait. */
export function describeWait(seconds: number) {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} seconds`
  const minutes = Math.ceil(seconds / 60)
  return minutes === 1 ? '1 minute' : `${minutes} minutes`
}
