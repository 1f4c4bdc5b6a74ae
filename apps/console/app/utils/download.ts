/** Hands a file the server sent as base64 (attachments, reports) to the browser's own download. */
export function downloadBase64File(file: { fileName: string; contentType: string; contentBase64: string }) {
  const link = document.createElement('a')
  link.href = `data:${file.contentType};base64,${file.contentBase64}`
  link.download = file.fileName
  link.click()
}
