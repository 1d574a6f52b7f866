export const root: string;
export const buildDir: string;
export const stampFile: string;
export function serverSourceHash(): string;
export function serverBuildIsFresh(): boolean;
