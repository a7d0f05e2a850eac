/* The card pay page (templates/payments/card_pay.html), configured by its JSON data.
   The Payment Element with Stripe.js; against a local fake Stripe (whose Stripe.js has
   no Payment Element), a card element whose token the server confirms. */
(function () {
    const config = JSON.parse(document.getElementById("card-payment-config").textContent);
    const stripe = Stripe(config.publishableKey);
    const form = document.getElementById("payment-form");
    const message = document.getElementById("payment-message");
    const button = document.getElementById("pay-button");
    const fail = (text) => { message.textContent = text || config.failed; button.disabled = false; };
    const start = (event) => { event.preventDefault(); button.disabled = true; message.textContent = ""; };

    if (!config.cardElementFallback) {
        const elements = stripe.elements({clientSecret: config.clientSecret});
        elements.create("payment").mount("#payment-element");
        form.addEventListener("submit", async (event) => {
            start(event);
            const {error} = await stripe.confirmPayment({elements, confirmParams: {return_url: config.returnUrl}});
            // Reached only when the payment cannot go on; otherwise Stripe opens the return URL.
            fail(error.message);
        });
        return;
    }
    const card = stripe.elements().create("card");
    card.mount("#payment-element");
    form.addEventListener("submit", async (event) => {
        start(event);
        const {token, error} = await stripe.createToken(card);
        if (error || !token) return fail(error && error.message);
        const response = await fetch(config.confirmUrl, {
            method: "POST",
            headers: {"X-CSRFToken": config.csrfToken},
            body: new URLSearchParams({payment_method: token.card.id}),
        });
        const result = await response.json().catch(() => ({}));
        if (!response.ok || result.status === "requires_payment_method") return fail(result.error);
        if (result.status === "requires_action") await stripe.confirmCardPayment(config.clientSecret);
        window.location.assign(config.returnUrl);
    });
})();
