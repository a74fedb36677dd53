/**
 * Migration 005 (PostgreSQL): nothing. SQLite's migration 005 only adds indexes for SQLite's
 * listing queries; this number is kept so that a migration number means the same schema on both
 * backends. Never edit once landed.
 */
export const sql = `SELECT 1;`;
