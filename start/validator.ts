/*
| Validation messages in plain words, shown beside each field.
*/
import vine, { SimpleMessagesProvider } from '@vinejs/vine'

vine.messagesProvider = new SimpleMessagesProvider(
  {
    'required': 'Enter your {{ field }}',
    'email': 'Enter a valid email address',
    'minLength': 'Use at least {{ min }} characters',
    'maxLength': 'Use at most {{ max }} characters',
    'confirmed': 'The two passwords do not match',
    'database.unique': 'An account with this email already exists',
    'regex': 'Enter a valid {{ field }}',
    'enum': 'Choose one of the listed options',
    'boolean': 'Choose yes or no',
    'number': 'Enter a number',
  },
  {
    firstName: 'first name',
    lastName: 'last name',
    currentPassword: 'current password',
    password_confirmation: 'password confirmation',
    phone: 'phone number',
  }
)
