// The part of unzipper (exceljs's own zip reader, a dependency of ours at the same version) that
// roster/hostile.ts uses: the central directory of a zip file, read without inflating anything.
declare module 'unzipper' {
  export interface CentralDirectoryFile {
    path: string;
    compressedSize: number;
    uncompressedSize: number;
  }
  export interface CentralDirectory {
    files: CentralDirectoryFile[];
  }
  export const Open: {
    file(path: string): Promise<CentralDirectory>;
  };
}
