export { dataPackageAdapter, writeDataPackage, buildDataPackage, DATA_PACKAGE_PROFILE } from "./package";
export { structureTables, contentTables, scoreTables, type Table, type Column, type ForeignKey } from "./tables";
