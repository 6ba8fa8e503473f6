// The caret's offset in a text area, so a clicked field lands where the admin was typing.
export function caret(id) {
    const element = document.getElementById(id);
    return element && typeof element.selectionStart === "number" ? element.selectionStart : null;
}
