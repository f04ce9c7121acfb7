// Google's Node.js sample for the Perspective API, as its documentation shows it, with only the two lines that
// name the server (DISCOVERY_URL) and the key (API_KEY) changed to point at SafeSpeak. NodeClientsTest runs it and
// checks what it prints.
const {google} = require('googleapis');

API_KEY = process.env.SAFESPEAK_API_KEY;
DISCOVERY_URL = process.env.SAFESPEAK_URL + '/$discovery/rest?version=v1alpha1';

google.discoverAPI(DISCOVERY_URL)
    .then(client => {
      const analyzeRequest = {
        comment: {
          text: 'What kind of idiot name is foo?',
        },
        requestedAttributes: {
          TOXICITY: {},
        },
      };

      client.comments.analyze(
          {
            key: API_KEY,
            resource: analyzeRequest,
          },
          (err, response) => {
            if (err) throw err;
            console.log(JSON.stringify(response.data, null, 2));
          });
    })
    .catch(err => {
      throw err;
    });
