// Types of use-build.js, for the bench (bench/start.ts), which reports which entry ran.
export declare function useBuild(env?: NodeJS.ProcessEnv): boolean;
