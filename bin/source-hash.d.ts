export function sourceFiles(dir: string, skip?: (name: string) => boolean): string[];
export function sourceHash(root: string, files: readonly string[]): string;
