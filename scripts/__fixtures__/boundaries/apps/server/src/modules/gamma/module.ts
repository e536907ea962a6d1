export const gammaModule = { name: 'gamma', dependsOn: [] };
