/** The password every new user in the journeys signs up or accepts an invitation with. */
export const PASSWORD = 'correct horse battery';

/** The app and the browser share a busy machine with other tests: a poll waits up to 15 s before it fails. */
export const WAIT = { timeout: 15_000 };
