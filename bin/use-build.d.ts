// Types of use-build.js, for the bench (bench/start.ts), which reports which entry ran, and the tests.
export declare function useBuild(env?: NodeJS.ProcessEnv, root?: URL): boolean;
export declare function useBundle(env?: NodeJS.ProcessEnv, root?: URL): boolean;
