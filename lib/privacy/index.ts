export {
  allDataFileName,
  allDataJson,
  deleteAllData,
  exportAllData,
  DATA_FILE_FORMAT,
  DATA_FILE_VERSION,
  STORE_CONTENTS,
  type AllData,
  type StoreName,
  type StoredRecord,
} from './data';
