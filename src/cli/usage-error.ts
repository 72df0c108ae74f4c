/** An error whose message is meant for the user as it is (exit code 2). */
export class UsageError extends Error {}
