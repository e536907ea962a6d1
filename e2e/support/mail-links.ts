/** The first web address in a mail's text: the link the reader is meant to click. */
export const linkIn = (text: string): string => /https?:\/\/\S+/.exec(text)?.[0] ?? '';
