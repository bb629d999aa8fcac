import router from '@adonisjs/core/services/router'

const HomeController = () => import('#controllers/site/home_controller')

router.get('/', [HomeController, 'show']).as('home')
