export const betaModule = { name: 'beta', dependsOn: [] };
