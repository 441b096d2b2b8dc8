export * from './format.ts'
export * from './project.ts'
export * from './restore.ts'
export * from './migrations.ts'
