import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { parseRoute, type Route } from './route.ts'
import { HomePage } from '../home/HomePage.tsx'
import { BoardPage } from '../board/BoardPage.tsx'

function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location))
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location))
    window.addEventListener('popstate', update)
    window.addEventListener('hashchange', update)
    return () => {
      window.removeEventListener('popstate', update)
      window.removeEventListener('hashchange', update)
    }
  }, [])
  return route
}

export function App() {
  const route = useRoute()
  const { t } = useTranslation('board')
  switch (route.page) {
    case 'home':
      return <HomePage />
    case 'board':
      return (
        <BoardPage
          key={`${route.boardId}:${route.key}`}
          boardId={route.boardId}
          boardKey={route.key}
        />
      )
    case 'invalid-link':
      return (
        <main className="page-message" role="alert">
          <h1>{t('errors.invalidLink.title')}</h1>
          <p>{t('errors.invalidLink.body')}</p>
          <a href="/">{t('backHome')}</a>
        </main>
      )
  }
}
