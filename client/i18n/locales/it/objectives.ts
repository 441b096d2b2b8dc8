export const objectives = {}
