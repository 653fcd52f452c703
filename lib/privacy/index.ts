export {
  allDataFileName,
  allDataJson,
  deleteAllData,
  exportAllData,
  
  
  STORE_CONTENTS,
  
  type StoreName,
  
} from './data';
