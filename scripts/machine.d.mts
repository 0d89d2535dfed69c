export declare const chromiumPath: () => string | null;
export declare const nginxPath: () => string | null;
export declare const opensslPath: () => string | null;
export declare function hasCyrillicFont(): boolean;
export declare const DEBIAN_PACKAGES: Record<string, () => boolean>;
export declare function freePorts(count: number): Promise<number[]>;
