export * from './version.ts'
export * from './roots.ts'
export * from './cards.ts'
export * from './migrations.ts'
