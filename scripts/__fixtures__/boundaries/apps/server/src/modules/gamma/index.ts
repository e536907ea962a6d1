export const gamma = 1;
