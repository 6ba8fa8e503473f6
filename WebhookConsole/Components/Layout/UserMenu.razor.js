// Posts the sign-out form as its submit button would, antiforgery token included.
export function submit(form) {
    form.requestSubmit();
}
