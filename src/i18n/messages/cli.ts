export const CLI_MESSAGES = {} as const;
