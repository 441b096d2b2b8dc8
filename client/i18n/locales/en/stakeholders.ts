export const stakeholders = {}
