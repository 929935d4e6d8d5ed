// Saving a file the workspace made (a CSV) to the staff
// member's computer, without sending it anywhere.
export function saveFile(fileName: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
