/** The feed as a whole cannot be read (not JSON, not a Mutual feed, no email column...): nothing in it is used. */
export class FeedFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FeedFormatError';
  }
}
