export const gammaSecret = 1;
