export const strategy = {}
