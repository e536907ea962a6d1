export const betaInternal = 1;
