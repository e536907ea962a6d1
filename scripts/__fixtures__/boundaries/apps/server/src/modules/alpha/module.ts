export const alphaModule = { name: 'alpha', dependsOn: ['gamma'] };
